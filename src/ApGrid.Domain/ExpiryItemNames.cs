namespace ApGrid.Domain;

/// <summary>The API's names for <see cref="ExpiryItem"/>, used in alert subjects so feed readers see the schema's words.</summary>
public static class ExpiryItemNames
{
    public static string SchemaName(ExpiryItem item) => item switch
    {
        ExpiryItem.Approval => "APPROVAL",
        ExpiryItem.Insurance => "INSURANCE",
        ExpiryItem.VettingConfirmation => "VETTING_CONFIRMATION",
        _ => "VISIT",
    };
}
