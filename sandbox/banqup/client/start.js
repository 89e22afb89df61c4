// Starts the app once every screen has registered its route: the frame, then the screen.

renderShell();
renderRoute();
