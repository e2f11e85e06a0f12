namespace ApGrid.Grains.Abstractions;

/// <summary>What the LA decided about a UPN match; either way the new registration is withdrawn, so the UPN stays unique.</summary>
public enum UpnMatchDecision
{
    /// <summary>The same child, moving school: the existing record's home school becomes the registering school.</summary>
    Transfer,

    /// <summary>Not accepted (a mistyped UPN, or a child the registering school does not have): the existing record is unchanged.</summary>
    Reject,
}
