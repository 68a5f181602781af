namespace ProbeHarness.Steps.Drivers;

/// <summary>A marked line is not a readable event; the message names the field. Caught by the parser and turned into an <see cref="AppEventProblem"/>.</summary>
internal sealed class AppEventFormatException(string message) : Exception(message);
