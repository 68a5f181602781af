namespace ProbeHarness.Report.Tests.Samples;

/// <summary>The hand-written records and TRX shared with the Reporting tests.</summary>
public static class TestData
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
