namespace ProbeHarness.Reporting.Writers;

/// <summary>An extra section of index.html that another tool computes from the results (e.g. the probe advisor), placed before the file list.</summary>
/// <param name="Id">The section's HTML id (an anchor).</param>
/// <param name="Title">Its heading.</param>
/// <param name="Html">Its body, already HTML (the producer escapes its text).</param>
public sealed record ReportSection(string Id, string Title, string Html);
