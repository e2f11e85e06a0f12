namespace ApGrid.Api.Gias;

/// <summary>Gias:MaxUploadBytes: the largest upload of the two files together; beyond it the request is refused with 413.</summary>
public sealed class GiasImportLimits
{
    public const string SectionName = "Gias";

    /// <summary>The national establishment file is about 60 MB and the links file 2.5 MB; room for growth.</summary>
    public long MaxUploadBytes { get; set; } = 256L * 1024 * 1024;
}
