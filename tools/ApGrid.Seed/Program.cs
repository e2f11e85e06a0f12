using ApGrid.Seed;

// Loads a synthetic national-scale world into grain storage and exits; see SeedCommand.
return await SeedCommand.RunAsync(args);
