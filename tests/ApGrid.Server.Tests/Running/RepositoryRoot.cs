namespace ApGrid.Server.Tests.Running;

internal static class RepositoryRoot
{
    /// <summary>The clone this test runs from, found by walking up to ApGrid.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ApGrid.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ApGrid.sln not found above " + AppContext.BaseDirectory);
    }
}
