using k8s.Models;
using ProbeHarness.Emulated.Containers;
using ProbeHarness.Kubelet.Runtime;

namespace ProbeHarness.Emulated.Probing;

/// <summary>Exec probes (<c>pkg/probe/exec</c>).</summary>
public sealed partial class EmulatedProbeRunner
{
    private static async Task<ProbeOutcome> ExecAsync(V1ExecAction exec, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // ExpandContainerCommandOnlyStatic: only the env entries' literal values, unexpanded; valueFrom entries expand to "".
        var staticEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in target.Container.Env ?? [])
        {
            staticEnv[variable.Name] = variable.Value ?? "";
        }

        var command = (exec.Command ?? []).Select(word => DollarExpansion.Expand(word, name => staticEnv.GetValueOrDefault(name))).ToList();
        if (command.Count == 0)
        {
            return new ProbeOutcome(ProbeResult.Unknown, "", "exec probe has no command");
        }

        var result = await target.Instance.ExecAsync(command, timeout, cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
        {
            // ExecProbeTimeout (GA): the CRI's timeout error becomes a Failure with its text.
            return new ProbeOutcome(ProbeResult.Failure, $"command timed out: {GoText.Quote(string.Join(' ', command))} timed out after {GoText.Duration(timeout)}");
        }

        // A command that could not start fails with the runtime's text, as an OCI "exec failed" exit does.
        return result.ExitCode == 0
            ? new ProbeOutcome(ProbeResult.Success, result.Output)
            : new ProbeOutcome(ProbeResult.Failure, result.Output);
    }
}
