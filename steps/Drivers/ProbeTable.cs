using k8s.Models;
using Reqnroll;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Turns a one-row probe table (<c>| type | path | port | periodSeconds | … |</c>) into a <see cref="V1Probe"/>; an empty cell leaves the Kubernetes default.</summary>
public static class ProbeTable
{
    /// <summary>The handler types a probe table accepts, as the Kubernetes API names them.</summary>
    public static readonly IReadOnlyList<string> Types = ["httpGet", "tcpSocket", "exec", "grpc"];

    private static readonly IReadOnlyDictionary<string, string[]> HandlerColumns = new Dictionary<string, string[]>
    {
        ["path"] = ["httpGet"],
        ["port"] = ["httpGet", "tcpSocket", "grpc"],
        ["host"] = ["httpGet", "tcpSocket"],
        ["scheme"] = ["httpGet"],
        ["header"] = ["httpGet"],
        ["command"] = ["exec"],
        ["service"] = ["grpc"],
    };

    private static readonly IReadOnlyList<string> TimingColumns =
    [
        "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold",
        "terminationGracePeriodSeconds",
    ];

    /// <summary>Every column a probe table may have.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["type", .. HandlerColumns.Keys, .. TimingColumns];

    /// <summary>Reads the table's single row as the <paramref name="kind"/> probe, rejecting unknown columns and bad values with the column and row named.</summary>
    public static V1Probe Parse(ProbeKind kind, Table table)
    {
        var what = $"the {kind.ToString().ToLowerInvariant()} probe table";
        foreach (var column in table.Header)
        {
            if (!Columns.Contains(column))
            {
                throw new ScenarioInputException(
                    $"{what}: unknown column '{column}'; allowed columns: {string.Join(", ", Columns)}.");
            }
        }

        if (table.RowCount != 1)
        {
            throw new ScenarioInputException($"{what} must have exactly one row (one probe); it has {table.RowCount}.");
        }

        var row = new Row(what, table.Rows[0]);
        var type = row.Text("type") ?? throw new ScenarioInputException(
            $"{what}, row 1: column 'type' is required; allowed values: {string.Join(", ", Types)}.");
        if (!Types.Contains(type))
        {
            throw new ScenarioInputException(
                $"{what}, row 1, column 'type': '{type}' is not a probe type; allowed values: {string.Join(", ", Types)}.");
        }

        foreach (var (column, types) in HandlerColumns)
        {
            if (row.Text(column) is not null && !types.Contains(type))
            {
                throw new ScenarioInputException(
                    $"{what}, row 1, column '{column}': applies to {string.Join("/", types)} probes only, not to {type}.");
            }
        }

        var probe = new V1Probe
        {
            InitialDelaySeconds = row.Int("initialDelaySeconds", min: 0),
            PeriodSeconds = row.Int("periodSeconds", min: 1),
            TimeoutSeconds = row.Int("timeoutSeconds", min: 1),
            SuccessThreshold = row.Int("successThreshold", min: 1),
            FailureThreshold = row.Int("failureThreshold", min: 1),
            TerminationGracePeriodSeconds = row.Int("terminationGracePeriodSeconds", min: 1),
        };
        switch (type)
        {
            case "httpGet":
                probe.HttpGet = new V1HTTPGetAction
                {
                    Path = row.Text("path") ?? "/",
                    Port = row.Port(),
                    Host = row.Text("host"),
                    Scheme = row.OneOf("scheme", "HTTP", "HTTPS"),
                    HttpHeaders = row.Header() is { } header ? [header] : null,
                };
                break;
            case "tcpSocket":
                probe.TcpSocket = new V1TCPSocketAction { Port = row.Port(), Host = row.Text("host") };
                break;
            case "exec":
                probe.Exec = new V1ExecAction { Command = row.Command() };
                break;
            default:
                probe.Grpc = new V1GRPCAction { Port = row.Int("port", min: 1) ?? row.Missing<int>("port"), Service = row.Text("service") };
                break;
        }

        Validate(kind, probe, what);
        return probe;
    }

    // The API server rejects these; saying so here gives the same answer on every backend, before anything is deployed.
    private static void Validate(ProbeKind kind, V1Probe probe, string what)
    {
        if (kind != ProbeKind.Readiness && probe.SuccessThreshold is { } threshold && threshold != 1)
        {
            throw new ScenarioInputException(
                $"{what}, row 1, column 'successThreshold': must be 1 for {kind.ToString().ToLowerInvariant()} probes (Kubernetes validation), not {threshold}.");
        }

        if (kind == ProbeKind.Readiness && probe.TerminationGracePeriodSeconds is not null)
        {
            throw new ScenarioInputException(
                $"{what}, row 1, column 'terminationGracePeriodSeconds': not allowed on readiness probes (Kubernetes validation).");
        }
    }

    /// <summary>One row with the table's name, so every error names both.</summary>
    private sealed class Row(string what, DataTableRow row)
    {
        /// <summary>The cell of <paramref name="column"/>, trimmed; null when absent or empty.</summary>
        public string? Text(string column) =>
            row.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        /// <summary>The cell as a whole number of at least <paramref name="min"/>, or null.</summary>
        public int? Int(string column, int min)
        {
            if (Text(column) is not { } text)
            {
                return null;
            }

            if (!int.TryParse(text, out var value) || value < min)
            {
                throw new ScenarioInputException(
                    $"{what}, row 1, column '{column}': '{text}' is not a whole number ≥ {min}.");
            }

            return value;
        }

        /// <summary>The cell, which must be one of <paramref name="allowed"/>, or null.</summary>
        public string? OneOf(string column, params string[] allowed)
        {
            var text = Text(column);
            if (text is not null && !allowed.Contains(text))
            {
                throw new ScenarioInputException(
                    $"{what}, row 1, column '{column}': '{text}' is not allowed; allowed values: {string.Join(", ", allowed)}.");
            }

            return text;
        }

        /// <summary>The port: a number or a container port name.</summary>
        public IntOrString Port()
        {
            var text = Text("port") ?? Missing<string>("port");
            if (int.TryParse(text, out var number))
            {
                return number is >= 1 and <= 65535 ? (IntOrString)number
                    : throw new ScenarioInputException($"{what}, row 1, column 'port': {number} is not a port (1–65535).");
            }

            // A named port must be an IANA_SVC_NAME: lower-case letters, digits and dashes, at most 15 characters.
            return text.Length <= 15 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                ? (IntOrString)text
                : throw new ScenarioInputException(
                    $"{what}, row 1, column 'port': '{text}' is neither a port number nor a container port name.");
        }

        /// <summary>The header <c>Name: value</c>, or null.</summary>
        public V1HTTPHeader? Header()
        {
            if (Text("header") is not { } text)
            {
                return null;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0
                ? new V1HTTPHeader { Name = text[..colon].Trim(), Value = text[(colon + 1)..].Trim() }
                : throw new ScenarioInputException(
                    $"{what}, row 1, column 'header': '{text}' is not of the form 'Name: value'.");
        }

        /// <summary>The exec command, split into words.</summary>
        public IList<string> Command()
        {
            var text = Text("command") ?? Missing<string>("command");
            try
            {
                return CommandLine.Split(text);
            }
            catch (FormatException e)
            {
                throw new ScenarioInputException($"{what}, row 1, column 'command': {e.Message}");
            }
        }

        /// <summary>Fails: <paramref name="column"/> is required for this probe type.</summary>
        public T Missing<T>(string column) =>
            throw new ScenarioInputException($"{what}, row 1: column '{column}' is required for this probe type.");
    }
}
