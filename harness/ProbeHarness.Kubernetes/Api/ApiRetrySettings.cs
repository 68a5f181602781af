namespace ProbeHarness.Kubernetes.Api;

/// <summary>How often and how patiently transient API errors are retried.</summary>
/// <param name="MaxRetryAttempts">Retries after the first attempt.</param>
/// <param name="BaseDelay">The first retry's delay; later ones grow exponentially with jitter.</param>
/// <param name="MaxDelay">The longest single delay.</param>
public sealed record ApiRetrySettings(int MaxRetryAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>Five attempts over roughly six seconds: enough for an API server restart hiccup, short enough to fail clearly when it is gone.</summary>
    public static ApiRetrySettings Default { get; } = new(4, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4));
}
