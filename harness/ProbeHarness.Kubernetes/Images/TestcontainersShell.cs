using DotNet.Testcontainers.Containers;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>A <see cref="IContainerShell"/> over a Testcontainers container.</summary>
public sealed class TestcontainersShell(IContainer container) : IContainerShell
{
    /// <inheritdoc />
    public Task<ExecResult> ExecAsync(IList<string> command, CancellationToken cancellationToken) =>
        container.ExecAsync(command, cancellationToken);

    /// <inheritdoc />
    public Task CopyFileAsync(FileInfo file, string directory, CancellationToken cancellationToken) =>
        container.CopyAsync(file, directory, ct: cancellationToken);
}
