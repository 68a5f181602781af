namespace ProbeHarness.TargetApp.Lifecycle;

/// <summary>A host lifetime that installs no signal handlers, replacing the console lifetime so only <see cref="TerminationSignals"/> decides what SIGTERM does.</summary>
public sealed class SignalFreeHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
