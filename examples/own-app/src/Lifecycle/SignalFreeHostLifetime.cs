namespace OwnApp.Lifecycle;

/// <summary>A host lifetime without signal handlers, so <see cref="ShutdownSignals"/> alone decides what SIGTERM does.</summary>
public sealed class SignalFreeHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
