using Microsoft.Extensions.Hosting;

namespace ProbeHarness.Emulated.Services;

/// <summary>A host lifetime that ignores console signals: the proxies must not swallow the harness's SIGINT/SIGTERM as ConsoleLifetime would.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
