import TownsUI
