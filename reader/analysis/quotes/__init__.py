"""(face to come)"""
