using System.Collections.Concurrent;

namespace ProbeHarness.Emulated.Tests.Support;

/// <summary>Collects progress lines synchronously and echoes them to the test output.</summary>
internal sealed class TestProgress : IProgress<string>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Report(string value)
    {
        _lines.Enqueue(value);
        TestContext.Current.TestOutputHelper?.WriteLine(value);
    }
}
