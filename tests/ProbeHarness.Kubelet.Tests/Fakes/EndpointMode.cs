namespace ProbeHarness.Kubelet.Tests.Fakes;

/// <summary>How a fake probe endpoint answers.</summary>
public enum EndpointMode
{
    /// <summary>200: Success.</summary>
    Healthy,

    /// <summary>500: Failure "HTTP probe failed with statuscode: 500".</summary>
    Failing,

    /// <summary>No answer: Failure with the client timeout message after timeoutSeconds.</summary>
    Hang,

    /// <summary>Answers 200 after <see cref="FakeEndpoint.SlowDelay"/>; Failure on timeout when that reaches timeoutSeconds.</summary>
    Slow,

    /// <summary>Alternates 500 and 200, starting with 500.</summary>
    Flap,

    /// <summary>Prober error (discarded by the kubelet).</summary>
    Error,

    /// <summary>An unfollowed redirect: Warning.</summary>
    Redirect,

    /// <summary>Unknown without an error.</summary>
    Unknown,

    /// <summary>An exec probe that timed out (Failure with the CRI timeout text).</summary>
    ExecTimeout,
}
