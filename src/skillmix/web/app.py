def mount_web(app): pass
