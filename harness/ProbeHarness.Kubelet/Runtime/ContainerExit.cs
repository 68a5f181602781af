namespace ProbeHarness.Kubelet.Runtime;

/// <summary>How a container instance ended.</summary>
/// <param name="ExitCode">The exit code; 128 + signal number when a signal ended it (143 SIGTERM, 137 SIGKILL).</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Reason">The runtime's reason: <c>Completed</c> (0), <c>Error</c> (non-zero), <c>StartError</c> (could not start).</param>
public sealed record ContainerExit(int ExitCode, DateTimeOffset FinishedAt, string Reason);
