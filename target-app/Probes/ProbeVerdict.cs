namespace ProbeHarness.TargetApp.Probes;

/// <summary>The decided answer to one probe request.</summary>
/// <param name="Action">Answer, hang or redirect.</param>
/// <param name="StatusCode">HTTP status for Answer and Redirect.</param>
/// <param name="Reason">Why: <c>ok</c>, <c>fault:fail</c>, <c>starting</c>, <c>dependency unavailable</c>, …</param>
/// <param name="Delay">Time to wait before answering (mode slow).</param>
/// <param name="Location">Redirect target.</param>
public sealed record ProbeVerdict(ProbeAction Action, int StatusCode, string Reason, TimeSpan Delay = default, string? Location = null)
{
    /// <summary>True when the answer is a 2xx (or a redirect, which the kubelet counts as success with a warning).</summary>
    public bool IsHealthy => Action == ProbeAction.Redirect || (Action == ProbeAction.Answer && StatusCode is >= 200 and < 300);

    /// <summary>Waits as the verdict asks before anything is answered: <see cref="Delay"/> (slow), then forever for a hang, until <paramref name="giveUp"/>.</summary>
    /// <exception cref="OperationCanceledException">The client gave up or the app is stopping.</exception>
    public async Task WaitAsync(CancellationToken giveUp)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, giveUp);
        }

        if (Action == ProbeAction.Hang)
        {
            await Task.Delay(Timeout.Infinite, giveUp);
        }
    }

    /// <summary>Healthy 200.</summary>
    public static ProbeVerdict Ok { get; } = new(ProbeAction.Answer, 200, "ok");

    /// <summary>A failing answer with <paramref name="statusCode"/>.</summary>
    public static ProbeVerdict Failing(int statusCode, string reason) => new(ProbeAction.Answer, statusCode, reason);
}
