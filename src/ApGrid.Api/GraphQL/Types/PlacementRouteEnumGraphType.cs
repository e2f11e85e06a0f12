using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Named by hand: the statute numbers in the C# names would not survive the default CONSTANT_CASE.</summary>
public sealed class PlacementRouteEnumGraphType : EnumerationGraphType
{
    public PlacementRouteEnumGraphType()
    {
        Name = "PlacementRoute";
        Description = "The legal route a placement is made under; it decides who starts it, notice, consent, registration and the attendance code.";
        foreach (var route in Enum.GetValues<PlacementRoute>())
        {
            Add(RouteRules.ContractName(route), route, route switch
            {
                PlacementRoute.LaPanel => "A school's referral approved by the LA panel (local practice).",
                PlacementRoute.OffSiteDirection => "The school directs the pupil off site to improve behaviour (s29A Education Act 2002); 2 school days' written notice.",
                PlacementRoute.SuspensionProvision => "The school's provision from the sixth school day of a suspension over five days (s100 EIA 2006).",
                PlacementRoute.S19PermanentExclusion => "The LA's provision from the sixth school day of a permanent exclusion (s19 Education Act 1996).",
                PlacementRoute.S19HealthOrOther => "The LA's provision for a pupil out of school for health needs or otherwise (s19).",
                _ => "Provision named in an EHC plan otherwise than in a school (s61 Children and Families Act 2014).",
            });
        }
    }
}
