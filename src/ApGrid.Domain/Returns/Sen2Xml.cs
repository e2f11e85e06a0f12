using System.Globalization;
using System.Text;
using System.Xml;

namespace ApGrid.Domain.Returns;

/// <summary>
/// The SEN2 return in the structure COLLECT takes (decision 018): Message / Header (CollectionDetails,
/// Source) / Persons / Person / Requests / Assessment / NamedPlan / PlanDetail, and ActivePlans /
/// PlacementDetail and SENneed. Items ApGrid does not hold are left out, never written empty.
/// </summary>
public static class Sen2Xml
{
    public const string SoftwareCode = "ApGrid";

    public static string Write(LaCode la, int year, IEnumerable<Sen2Person> persons, DateTimeOffset generatedAt, string release)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Message");
            xml.WriteStartElement("Header");
            xml.WriteStartElement("CollectionDetails");
            Item(xml, "Collection", "SEN2");
            Item(xml, "Year", (year + 1).ToString(CultureInfo.InvariantCulture));
            Item(xml, "ReferenceDate", Sen2Return.ReferenceDate(year));
            xml.WriteEndElement();
            xml.WriteStartElement("Source");
            Item(xml, "SourceLevel", "L");
            Item(xml, "LEA", la.Value);
            Item(xml, "SoftwareCode", SoftwareCode);
            Item(xml, "Release", release);
            Item(xml, "SerialNo", "1");
            Item(xml, "DateTime", generatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("Persons");
            foreach (var person in persons) Person(xml, person);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return text.ToString();
    }

    private static void Person(XmlWriter xml, Sen2Person person)
    {
        xml.WriteStartElement("Person");
        Item(xml, "PersonBirthDate", person.BirthDate);
        Item(xml, "PostCode", person.Postcode);
        Item(xml, "UPN", person.Upn);
        var request = person.Request;
        xml.WriteStartElement("Requests");
        Item(xml, "ReceivedDate", request.ReceivedDate);
        Item(xml, "RequestSource", request.Source);
        Item(xml, "RequestOutcomeDate", request.OutcomeDate);
        Item(xml, "RequestOutcome", request.Outcome);
        if (request.Assessment is { } assessment)
        {
            xml.WriteStartElement("Assessment");
            Item(xml, "AssessmentOutcome", assessment.Outcome);
            Item(xml, "AssessmentOutcomeDate", assessment.OutcomeDate);
            Item(xml, "Week20", assessment.Week20 ? "1" : "0");
            if (assessment.NamedPlan is { } plan)
            {
                xml.WriteStartElement("NamedPlan");
                Item(xml, "StartDate", plan.StartDate);
                Item(xml, "CeaseDate", plan.CeaseDate);
                Item(xml, "CeaseReason", plan.CeaseReason);
                xml.WriteStartElement("PlanDetail");
                Setting(xml, plan.Placement);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (request.ActivePlan is { } active)
        {
            xml.WriteStartElement("ActivePlans");
            xml.WriteStartElement("PlacementDetail");
            Setting(xml, active.Placement);
            Item(xml, "EntryDate", active.Placement.EntryDate);
            Item(xml, "LeavingDate", active.Placement.LeavingDate);
            xml.WriteEndElement();
            xml.WriteStartElement("SENneed");
            Item(xml, "SENtype", active.SenType);
            Item(xml, "SENtypeRank", "1");
            xml.WriteEndElement();
            Item(xml, "ReviewMeeting", active.ReviewMeeting);
            Item(xml, "LastReview", active.LastReview);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Setting(XmlWriter xml, Sen2Placement placement)
    {
        Item(xml, "URN", placement.Urn);
        Item(xml, "UKPRN", placement.Ukprn);
        Item(xml, "SENSetting", placement.SenSetting);
        Item(xml, "PlacementRank", "1");
    }

    private static void Item(XmlWriter xml, string name, DateOnly? value) => Item(xml, name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static void Item(XmlWriter xml, string name, string? value)
    {
        if (value is not null) xml.WriteElementString(name, value);
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
