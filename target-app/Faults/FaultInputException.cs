namespace ProbeHarness.TargetApp.Faults;

/// <summary>A fault request (API body or <c>FAULTS_AT_START</c>) is invalid; names the field and, when it helps, the allowed values.</summary>
public sealed class FaultInputException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> (a path such as <c>liveness.mode</c>).</summary>
    public FaultInputException(string field, string problem, IReadOnlyList<string>? allowed = null)
        : base(string.IsNullOrEmpty(field) ? problem : $"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
        Allowed = allowed;
    }

    /// <summary>Path of the offending field; empty for the body as a whole.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the field name.</summary>
    public string Problem { get; }

    /// <summary>The values or fields that would have been accepted, when there is a fixed list.</summary>
    public IReadOnlyList<string>? Allowed { get; }
}
