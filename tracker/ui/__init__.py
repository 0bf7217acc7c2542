"""The Qt interface: item models, delegates and views. The only package that imports Qt."""
