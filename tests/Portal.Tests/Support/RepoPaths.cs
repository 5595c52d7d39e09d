namespace Agency.Portal.Tests.Support;

public static class RepoPaths
{
    /// <summary>The folder of Agency.sln, found above the test binaries.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Agency.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Agency.sln not found above the test binaries.");
    }
}
