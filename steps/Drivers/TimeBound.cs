namespace ProbeHarness.Steps.Drivers;

/// <summary>The window, in seconds after a reference moment, in which the kubelet must react.</summary>
/// <param name="Name">What is timed, e.g. <c>fault→restart</c>.</param>
/// <param name="MinSeconds">The earliest the kubelet may react.</param>
/// <param name="MaxSeconds">The latest, tolerance included.</param>
/// <param name="Formula">How the window was derived from the probe spec, for reports.</param>
public sealed record TimeBound(string Name, double MinSeconds, double MaxSeconds, string Formula)
{
    /// <summary>Whether a time measured from whole-second server timestamps can lie in the window (it may read up to 1 s early).</summary>
    public string Verdict(double? measuredSeconds) => measuredSeconds switch
    {
        null => "missed",
        var m when m + ClusterTime.Resolution.TotalSeconds < MinSeconds => "early",
        var m when m > MaxSeconds => "late",
        _ => "within-bound",
    };
}
