# Multi-stage build: the SDK publishes, the ASP.NET runtime runs as a non-root user on port 8080.
# tools/test.sh runs the same `dotnet publish` (no Docker engine is available on the build machines).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Agency.sln ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Infrastructure/Infrastructure.csproj src/Infrastructure/
COPY src/Migrations/Migrations.csproj src/Migrations/
COPY src/Portal/Portal.csproj src/Portal/
RUN dotnet restore src/Portal/Portal.csproj
COPY src/ src/
RUN dotnet publish src/Portal -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# SQLite (the embedded default) keeps its file in /data; mount a volume there, or set
# Database__Provider=Postgres|SqlServer and Database__ConnectionString for a shared server.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__ConnectionString="Data Source=/data/agency.db"
VOLUME /data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Agency.Portal.dll"]
