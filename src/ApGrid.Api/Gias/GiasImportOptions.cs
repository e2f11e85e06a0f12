namespace ApGrid.Api.Gias;

/// <summary>One import run: the files (seekable: each is read twice, once to tell its encoding), the tenants, and whether to write.</summary>
public sealed record GiasImportOptions(Stream Establishments, Stream? Links, IReadOnlyList<string> Tenants, bool DryRun, string By);
