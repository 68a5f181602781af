namespace ProbeHarness.Reporting.Compare;

/// <summary>How the two backends' verdicts on one scenario relate.</summary>
public enum Agreement
{
    /// <summary>Both ran it and gave the same verdict (or both held).</summary>
    Agree,

    /// <summary>Both ran it and the verdicts differ.</summary>
    Disagree,

    /// <summary>Only the left run has it.</summary>
    OnlyLeft,

    /// <summary>Only the right run has it.</summary>
    OnlyRight,

    /// <summary>At least one side skipped it or hit an environment error, so it judged nothing there.</summary>
    NotComparable,
}
