namespace ApGrid.Api.Tests.Contract;

internal static class RepositoryRoot
{
    /// <summary>The clone this test runs from, so the tests read and regenerate its files and nothing outside it.</summary>
    public static string Path { get; } = Find();

    public static string File(string relativePath) => global::System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (global::System.IO.File.Exists(global::System.IO.Path.Combine(dir.FullName, "ApGrid.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ApGrid.sln not found above " + AppContext.BaseDirectory);
    }
}
