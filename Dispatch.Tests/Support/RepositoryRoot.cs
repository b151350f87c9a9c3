namespace Dispatch.Tests.Support;

/// <summary>The checkout the tests run from, for tools installed beside the code (tests/external-client).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Dispatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Dispatch.sln above {AppContext.BaseDirectory}");
    }
}
