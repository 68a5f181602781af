namespace ProbeHarness.TargetApp.Faults;

/// <summary>The lower-case names of <see cref="FaultMode"/> used in the fault API.</summary>
public static class FaultModeNames
{
    /// <summary>Every mode name, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = ["ok", "fail", "hang", "slow", "flap", "redirect"];

    /// <summary>The name of <paramref name="mode"/>, e.g. <c>fail</c>.</summary>
    public static string Name(this FaultMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Finds the mode named <paramref name="name"/> (exact, lower case).</summary>
    public static bool TryParse(string name, out FaultMode mode)
    {
        FaultMode? found = name switch
        {
            "ok" => FaultMode.Ok,
            "fail" => FaultMode.Fail,
            "hang" => FaultMode.Hang,
            "slow" => FaultMode.Slow,
            "flap" => FaultMode.Flap,
            "redirect" => FaultMode.Redirect,
            _ => null,
        };
        mode = found ?? FaultMode.Ok;
        return found is not null;
    }
}
