using ProbeHarness.Reporting.Model;

namespace ProbeHarness.Reporting.Input;

/// <summary>The records read from a results folder and the files that could not be read.</summary>
/// <param name="Records">The records, by file name order.</param>
/// <param name="Problems">One line per unreadable file: <c>file:line: field: reason</c>.</param>
public sealed record RecordSet(IReadOnlyList<LoadedRecord> Records, IReadOnlyList<string> Problems);

/// <summary>A record and the file it came from.</summary>
/// <param name="File">The record's file.</param>
/// <param name="Record">The record.</param>
public sealed record LoadedRecord(string File, ScenarioRecord Record);
