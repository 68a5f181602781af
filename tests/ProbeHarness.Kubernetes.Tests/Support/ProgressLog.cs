using System.Collections.Concurrent;

namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>Collects progress lines synchronously (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
public sealed class ProgressLog : IProgress<string>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public void Report(string value) => _lines.Enqueue(value);
}
