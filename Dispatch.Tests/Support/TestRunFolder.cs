namespace Dispatch.Tests.Support;

/// <summary>
/// One folder for the test run's scratch files (engines' audit trails, certificates), removed as
/// the run's process exits. Each engine used to get a folder of its own in the system temp folder
/// and keep it: a run of the suite left some 200 of them behind, a few hundred megabytes.
/// </summary>
public static class TestRunFolder
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"dispatch-test-run-{Guid.NewGuid():N}");

    static TestRunFolder()
    {
        Directory.CreateDirectory(Root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteRoot();
    }

    /// <summary>A path in the run's folder that nothing else uses (silo processes the tests start write there too).</summary>
    public static string NewPath(string extension = "") => Path.Combine(Root, Guid.NewGuid().ToString("N") + extension);

    private static void DeleteRoot()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open by a process that outlived its test; the folder stays.
        }
    }
}
