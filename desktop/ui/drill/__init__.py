"""练习 windows: the response drill (with the real picker) and the typing drill."""
