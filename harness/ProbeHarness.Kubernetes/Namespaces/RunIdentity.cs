using System.Security.Cryptography;
using System.Text;

namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Who created a namespace: the run's id and the machine, written as labels so the next run can find leftovers of a killed one.</summary>
/// <param name="RunId">Eight lowercase letters and digits, unique per run.</param>
/// <param name="Host">The machine's name as a label value.</param>
/// <param name="ProcessId">The harness process on that machine (0 when unknown), so a later run can tell a live run from a killed one.</param>
public sealed record RunIdentity(string RunId, string Host, int ProcessId = 0)
{
    /// <summary>The label holding the run id on every namespace the harness creates.</summary>
    public const string RunLabel = "probe-harness/run";

    /// <summary>The label holding the machine that created the namespace.</summary>
    public const string HostLabel = "probe-harness/host";

    /// <summary>The label holding the harness process id on the machine that created the namespace.</summary>
    public const string ProcessLabel = "probe-harness/pid";

    /// <summary>The label holding the scenario's slug.</summary>
    public const string ScenarioLabel = "probe-harness/scenario";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new identity for this process on this machine.</summary>
    public static RunIdentity New() => new(RandomNumberGenerator.GetString(Alphabet, 8), LabelValue(Environment.MachineName), Environment.ProcessId);

    /// <summary>Makes any text a valid label value: lowercase letters, digits, '-', '_' and '.', at most 63 characters, starting and ending alphanumeric.</summary>
    public static string LabelValue(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            builder.Append(character is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' ? character : '-');
        }

        var value = builder.ToString();
        value = value.Length > 63 ? value[..63] : value;
        value = value.Trim('-', '_', '.');
        return value.Length == 0 ? "unknown" : value;
    }
}
