namespace ProbeHarness.Kubelet.Runtime;

/// <summary>The outcome of a command run in a container.</summary>
/// <param name="ExitCode">The command's exit code; null when it timed out or could not start.</param>
/// <param name="Output">Stdout and stderr together, capped at 10 KiB as the kubelet does.</param>
/// <param name="TimedOut">True when the command outlived its timeout and was killed.</param>
public sealed record ExecResult(int? ExitCode, string Output, bool TimedOut);
