using Microsoft.Extensions.Logging;

namespace Agency.Infrastructure.Tests.Support;

/// <summary>Keeps the SQL that EF Core sends (its "Executed DbCommand" log lines), to check a query's shape.</summary>
public sealed class SqlLog : ILoggerProvider
{
    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
                return [.. _commands];
        }
    }

    public ILoggerFactory Factory() => LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Information));

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Database.Command"
            ? new Recorder(_commands)
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose() { }

    private sealed class Recorder(List<string> commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (eventId.Name?.EndsWith("CommandExecuted", StringComparison.Ordinal) == true)
                lock (commands)
                    commands.Add(formatter(state, exception));
        }
    }
}
