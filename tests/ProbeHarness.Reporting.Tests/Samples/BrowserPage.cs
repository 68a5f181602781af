namespace ProbeHarness.Reporting.Tests.Samples;

/// <summary>What headless Chromium made of a page: the DOM after its scripts ran, and its console log.</summary>
/// <param name="Dom">The serialised DOM (<c>--dump-dom</c>).</param>
/// <param name="Log">Chromium's standard error with logging on: console messages and uncaught errors.</param>
public sealed record BrowserPage(string Dom, string Log);
