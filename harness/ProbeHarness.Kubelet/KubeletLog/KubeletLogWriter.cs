using System.Globalization;
using System.Text;
using System.Text.Json;
using ProbeHarness.Kubelet.Probing;

namespace ProbeHarness.Kubelet.KubeletLog;

/// <summary>
/// The emulated kubelet's own log: the lines a real kubelet writes for probe failures, kills, container starts and Ready
/// changes, in klog format with microsecond UTC time stamps, so <see cref="KubeletLogReader"/> and the timing check read both
/// alike. <see cref="KubeletLogStyle.V120"/> writes v1.20.2's printf lines (file:line as in its source),
/// <see cref="KubeletLogStyle.Structured"/> the structured lines of 1.21+. Thread-safe: all pods of a run share one writer.
/// </summary>
public sealed class KubeletLogWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TextWriter _output;
    private readonly bool _ownsOutput;
    private readonly int _threadId = Environment.ProcessId;
    private bool _disposed;

    /// <summary>Writes to <paramref name="output"/> (left open on dispose).</summary>
    public KubeletLogWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    private KubeletLogWriter(StreamWriter output)
    {
        _output = output;
        _ownsOutput = true;
    }

    /// <summary>Creates (or empties) the file, with its folder, and writes to it; each line is flushed, so the file is whole if the run dies.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public static KubeletLogWriter Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        return new KubeletLogWriter(new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true });
    }

    /// <summary>A probe attempt failed (prober.go).</summary>
    /// <param name="at">When.</param>
    /// <param name="style">Which kubelet's wording.</param>
    /// <param name="pod">The pod's namespace, name and UID.</param>
    /// <param name="container">The container's name.</param>
    /// <param name="type">The probe's type.</param>
    /// <param name="output">The probe's output, e.g. <c>HTTP probe failed with statuscode: 500</c>.</param>
    public void ProbeFailed(DateTimeOffset at, KubeletLogStyle style, KubeletLogPod pod, string container, ProbeType type, string output)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Write(at, style == KubeletLogStyle.V120
            ? ("prober.go", 117, $"{type} probe for {Quote($"{pod.Name}_{pod.Namespace}({pod.Uid}):{container}")} failed (failure): {output}")
            : ("prober.go", 107, $"\"Probe failed\" probeType={Quote(type.ToString())} pod={Quote(pod.Reference)} podUID={Quote(pod.Uid)} containerName={Quote(container)} probeResult=\"failure\" output={Quote(output)}"));
    }

    /// <summary>A container started (v1.20: the PLEG event that names its ID; structured: nothing, the kill line names the pod itself).</summary>
    public void ContainerStarted(DateTimeOffset at, KubeletLogStyle style, KubeletLogPod pod, string containerId)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (style == KubeletLogStyle.V120)
        {
            Write(at, ("kubelet.go", 1926, $"SyncLoop (PLEG): {Quote(FormatPod(pod))}, event: &pleg.PodLifecycleEvent{{ID:{Quote(pod.Uid)}, Type:\"ContainerStarted\", Data:{Quote(ShortId(containerId))}}}"));
        }
    }

    /// <summary>The kill began (kuberuntime_container.go); for a probe failure v1.20 first logs computePodActions' verdict.</summary>
    /// <param name="at">When.</param>
    /// <param name="style">Which kubelet's wording.</param>
    /// <param name="pod">The pod's namespace, name and UID.</param>
    /// <param name="container">The container's name.</param>
    /// <param name="containerId">The runtime's container ID, e.g. <c>emulated://0123…</c>.</param>
    /// <param name="graceSeconds">The grace period the kill gives.</param>
    /// <param name="verdict">computePodActions' message, e.g. <c>Container app failed liveness probe, will be restarted</c>; null for a deletion.</param>
    public void Killing(DateTimeOffset at, KubeletLogStyle style, KubeletLogPod pod, string container, string containerId, long graceSeconds, string? verdict)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (style == KubeletLogStyle.V120)
        {
            if (verdict is not null)
            {
                // %q of v1.20's ContainerID struct: {"<runtime>" "<id>"}.
                var scheme = containerId.IndexOf("://", StringComparison.Ordinal) is var separator and >= 0 ? containerId[..separator] : string.Empty;
                Write(at, ("kuberuntime_manager.go", 656, $"Container {Quote(container)} ({{{Quote(scheme)} {Quote(ShortId(containerId))}}}) of pod {FormatPod(pod)}: {verdict}"));
            }

            Write(at, ("kuberuntime_container.go", 636, $"Killing container {Quote(containerId)} with a {graceSeconds} second grace period"));
        }
        else
        {
            Write(at, ("kuberuntime_container.go", 809, $"\"Killing container with a grace period\" pod={Quote(pod.Reference)} podUID={Quote(pod.Uid)} containerName={Quote(container)} containerID={Quote(containerId)} gracePeriod={graceSeconds}"));
        }
    }

    /// <summary>The pod's Ready condition changed: the status manager's patch line with that condition (status_manager.go).</summary>
    /// <param name="at">When.</param>
    /// <param name="style">Which kubelet's wording.</param>
    /// <param name="pod">The pod's namespace, name and UID.</param>
    /// <param name="ready">The new status.</param>
    /// <param name="lastTransitionTime">The condition's transition time as the API would hold it.</param>
    public void ReadyChanged(DateTimeOffset at, KubeletLogStyle style, KubeletLogPod pod, bool ready, DateTimeOffset lastTransitionTime)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var condition = new Dictionary<string, string?>
        {
            ["lastTransitionTime"] = lastTransitionTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["status"] = ready ? "True" : "False",
            ["type"] = "Ready",
        };
        var patch = JsonSerializer.Serialize(new
        {
            metadata = new { uid = pod.Uid },
            status = new Dictionary<string, object> { ["$setElementOrder/conditions"] = new[] { new { type = "Ready" } }, ["conditions"] = new[] { condition } },
        });
        Write(at, style == KubeletLogStyle.V120
            ? ("status_manager.go", 564, $"Patch status for pod {Quote(FormatPod(pod))} with {Quote(patch)}")
            : ("status_manager.go", 874, $"\"Patch status for pod\" pod={Quote(pod.Reference)} podUID={Quote(pod.Uid)} patch={Quote(patch)}"));
    }

    /// <summary>Closes the file this writer created (an output handed in stays open).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_ownsOutput)
            {
                _output.Dispose();
            }
        }
    }

    /// <summary>Go's <c>%q</c> of a string: double quotes, backslash escapes for quotes, backslashes and control characters.</summary>
    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case < 0x20 or 0x7F: quoted.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"); break;
                default: quoted.Append(rune.ToString()); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    // format.Pod of v1.20: name_namespace(uid).
    private static string FormatPod(KubeletLogPod pod) => $"{pod.Name}_{pod.Namespace}({pod.Uid})";

    private static string ShortId(string id) =>
        id.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? id[(scheme + 3)..] : id;

    private void Write(DateTimeOffset at, (string File, int Line, string Message) line)
    {
        var utc = at.UtcDateTime;
        // klog's header: severity, mmdd, hh:mm:ss.uuuuuu, the thread id right-aligned in 7, file:line].
        var header = string.Create(CultureInfo.InvariantCulture, $"I{utc:MMdd HH:mm:ss}.{utc.Ticks % TimeSpan.TicksPerSecond / 10:000000} {_threadId,7} {line.File}:{line.Line}] ");
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // A message with line breaks (probe output) keeps them, as klog does; the reader skips the headerless rest.
            _output.WriteLine(header + line.Message);
        }
    }
}
