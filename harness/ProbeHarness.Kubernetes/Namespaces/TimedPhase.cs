namespace ProbeHarness.Kubernetes.Namespaces;

/// <summary>Runs one phase of long work and reports its duration, e.g. "[k3s] K3s booted in 23.4 s".</summary>
public static class TimedPhase
{
    /// <summary>Runs <paramref name="work"/> and reports "<paramref name="label"/> <paramref name="done"/> in N s" with what it returned.</summary>
    public static async Task<T> RunAsync<T>(
        IProgress<string> progress, string label, TimeProvider time, Func<Task<T>> work, Func<T, string> done)
    {
        var started = time.GetTimestamp();
        var result = await work().ConfigureAwait(false);
        progress.Report($"{label} {done(result)} in {time.GetElapsedTime(started).TotalSeconds:0.0} s");
        return result;
    }
}
