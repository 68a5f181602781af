namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>The hand-written JSON records and TRX under TestData/.</summary>
public static class TestData
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
