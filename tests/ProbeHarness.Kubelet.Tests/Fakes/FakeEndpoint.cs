namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>A probe target whose behaviour a test switches over time; records when it was probed.</summary>
public sealed class FakeEndpoint
{
    private int _flaps;

    /// <summary>Creates an endpoint in <paramref name="mode"/>.</summary>
    public FakeEndpoint(string name, EndpointMode mode)
    {
        Name = name;
        Mode = mode;
    }

    /// <summary>The endpoint's key (HTTP path or exec command).</summary>
    public string Name { get; }

    /// <summary>The current behaviour.</summary>
    public EndpointMode Mode { get; set; }

    /// <summary>Answer delay in <see cref="EndpointMode.Slow"/>.</summary>
    public TimeSpan SlowDelay { get; set; }

    /// <summary>When each attempt started.</summary>
    public List<DateTimeOffset> Calls { get; } = [];

    /// <summary>The next flap answer: true = fail.</summary>
    internal bool NextFlapFails() => _flaps++ % 2 == 0;
}
