using MudBlazor;

namespace Agency.Portal.Components.Layout;

public static class AgencyTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F3A5F",
            Secondary = "#2E7D6B",
            AppbarBackground = "#1F3A5F",
            Background = "#F5F7FA",
            DrawerBackground = "#FFFFFF",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
