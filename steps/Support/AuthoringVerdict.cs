namespace ProbeHarness.Steps.Support;

/// <summary>A scenario that cannot run as written, as its record says it: the outcome and a message naming file and line.</summary>
/// <param name="Outcome">Always <see cref="AuthoringOutcome.Word"/>.</param>
/// <param name="Message">What is wrong, starting with <c>path:line: step</c>.</param>
public sealed record AuthoringVerdict(string Outcome, string Message);
