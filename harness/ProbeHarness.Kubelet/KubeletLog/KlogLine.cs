using System.Globalization;
using System.Text.RegularExpressions;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>
/// A klog header and its message: <c>Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg</c>, e.g.
/// <c>I1202 13:04:05.123456   12345 prober.go:117] Liveness probe for …</c>; a journald prefix (<c>… kubelet[123]: </c>) is allowed.
/// </summary>
/// <param name="Severity">I, W, E or F.</param>
/// <param name="Month">1–12.</param>
/// <param name="Day">1–31.</param>
/// <param name="TimeOfDay">The time of day with microseconds.</param>
/// <param name="File">The source file, e.g. <c>prober.go</c>.</param>
/// <param name="Message">Everything after <c>] </c>.</param>
internal sealed partial record KlogLine(char Severity, int Month, int Day, TimeSpan TimeOfDay, string File, string Message)
{
    /// <summary>The header and message of <paramref name="line"/>, or null when it has no klog header (continuation lines, other output).</summary>
    public static KlogLine? Parse(string line)
    {
        var match = Header().Match(line);
        if (!match.Success)
        {
            return null;
        }

        int Number(string group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var time = new TimeSpan(0, Number("h"), Number("m"), Number("s")) + TimeSpan.FromTicks(Number("us") * 10L);
        return new KlogLine(match.Groups["sev"].Value[0], Number("mo"), Number("d"), time, match.Groups["file"].Value, match.Groups["msg"].Value);
    }

    [GeneratedRegex(@"^(?:.*? kubelet\[\d+\]: )?(?<sev>[IWEF])(?<mo>\d\d)(?<d>\d\d) (?<h>\d\d):(?<m>\d\d):(?<s>\d\d)\.(?<us>\d{6}) +\d+ (?<file>[^ :\]]+):\d+\] ?(?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
