namespace ApGrid.LoadTest;

/// <summary>One reading of the server process during the walk; null where the figure was not available.</summary>
internal sealed record ServerSample(double Seconds, long PupilsWalked, long Failures, double? RssMb, int? Activations, int? PupilActivations);
