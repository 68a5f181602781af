using DotNet.Testcontainers.Containers;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>The two things image loading does inside the K3s container: run a command and copy a file in.</summary>
public interface IContainerShell
{
    /// <summary>Runs a command in the container.</summary>
    Task<ExecResult> ExecAsync(IList<string> command, CancellationToken cancellationToken);

    /// <summary>Copies a file into a folder of the container.</summary>
    Task CopyFileAsync(FileInfo file, string directory, CancellationToken cancellationToken);
}
