using System.Globalization;

namespace ProbeHarness.Report.Commands;

/// <summary>A parsed command line: the command, its <c>--name value</c> options (an option may repeat), its <c>--name</c> flags and, for commands that take them, operands.</summary>
/// <param name="Command">The first argument, e.g. <c>build</c>.</param>
/// <param name="Options">The values of each option, by name without dashes.</param>
public sealed record CommandArguments(string Command, IReadOnlyDictionary<string, IReadOnlyList<string>> Options)
{
    /// <summary>The arguments that are not options, in order (e.g. preflight's files and folders); empty unless the parse allowed them.</summary>
    public IReadOnlyList<string> Operands { get; init; } = [];

    /// <summary>The flags given (options without a value, by name without dashes); only those the parse was told of.</summary>
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Parses <paramref name="args"/>: a command, then <c>--name value</c> pairs, operands among them when <paramref name="operands"/> is
    /// true, and the <paramref name="flags"/> (names without dashes) as options without a value.
    /// </summary>
    /// <exception cref="UsageException">No command, an argument that is not an option (unless operands are allowed), or an option without a value.</exception>
    public static CommandArguments Parse(IReadOnlyList<string> args, bool operands = false, IReadOnlyCollection<string>? flags = null)
    {
        if (args.Count == 0)
        {
            throw new UsageException("no command given");
        }

        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var given = new List<string>();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (flags is not null && args[i].StartsWith("--", StringComparison.Ordinal) && flags.Contains(args[i][2..]))
            {
                set.Add(args[i][2..]);
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (operands)
                {
                    given.Add(args[i]);
                    continue;
                }

                throw new UsageException($"'{args[i]}' is not an option (options start with --)");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"{args[i]} needs a value");
            }

            var name = args[i][2..];
            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }

            values.Add(args[++i]);
        }

        return new CommandArguments(args[0], options.ToDictionary(o => o.Key, o => (IReadOnlyList<string>)o.Value)) { Operands = given, Flags = set };
    }

    /// <summary>The value of a required option.</summary>
    /// <exception cref="UsageException">It is missing or given twice.</exception>
    public string Required(string name) => Optional(name) ?? throw new UsageException($"{Command} needs --{name}");

    /// <summary>The value of an optional option, or null.</summary>
    /// <exception cref="UsageException">It is given twice.</exception>
    public string? Optional(string name) => Options.GetValueOrDefault(name) switch
    {
        null => null,
        [var single] => single,
        _ => throw new UsageException($"--{name} is given more than once"),
    };

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> All(string name) => Options.GetValueOrDefault(name) ?? [];

    /// <summary>True when the flag <paramref name="name"/> was given.</summary>
    public bool Flag(string name) => Flags.Contains(name);

    /// <summary>A non-negative number option, or null.</summary>
    /// <exception cref="UsageException">It is not a non-negative number.</exception>
    public double? Number(string name) => Optional(name) switch
    {
        null => null,
        var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 => value,
        var text => throw new UsageException($"--{name} must be a non-negative number of seconds, not '{text}'"),
    };

    /// <summary>Fails when an option other than <paramref name="known"/> was given (a typo must not be ignored).</summary>
    /// <exception cref="UsageException">An unknown option.</exception>
    public void AllowOnly(params string[] known)
    {
        if (Options.Keys.Concat(Flags).FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            throw new UsageException($"{Command} does not take --{unknown}");
        }
    }
}
