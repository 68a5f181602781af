using System.Globalization;

namespace ProbeHarness.Gherkin.Tests.Bindings;

/// <summary>The toy domain the sample feature drives; one instance per scenario (Reqnroll context injection).</summary>
public sealed class Calculator
{
    private readonly List<long> _entries = [];

    public long Result { get; private set; }

    public bool RoundsDown { get; set; }

    public string? Error { get; private set; }

    public string Expression { get; set; } = string.Empty;

    public void Clear()
    {
        _entries.Clear();
        Result = 0;
        Error = null;
    }

    public void Enter(long number) => _entries.Add(number);

    public void Add() => Result = _entries.Sum();

    public void Multiply() => Result = _entries.Aggregate(1L, (product, entry) => product * entry);

    public void Divide()
    {
        if (!RoundsDown)
        {
            Error = "division needs a rounding mode";
            return;
        }

        Result = _entries[0] / _entries[1];
    }

    public void Evaluate()
    {
        var operands = Expression.Split('+', StringSplitOptions.TrimEntries);
        Result = operands.Sum(operand => long.Parse(operand, CultureInfo.InvariantCulture));
    }
}
