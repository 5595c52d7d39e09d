using Agency.Infrastructure;
using Agency.Portal;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddPortal();

var app = builder.Build();
await app.InitializeAsync();
app.UsePortal();
await app.RunAsync();

/// <summary>Entry point; public so tests can host the real app.</summary>
public partial class Program;
